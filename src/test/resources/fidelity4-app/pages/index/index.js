Page({
  data: {
    ways: [{id: 'post', name: 'Post'}, {id: 'courier', name: 'Courier'}, {id: 'pickup', name: 'Pick-up'}],
    boxes: ['Small box', 'Medium box', 'Large box', 'Crate'],
    open: false
  },
  onPick(e) { this.setData({way: e.detail.value}); },
  onOpen() { this.setData({open: true}); },
  onClose() { this.setData({open: false}); }
});
