Page({
  data: {name: ''},
  onPress() {},
  onName(e) { this.setData({name: e.detail.value}); }
});
