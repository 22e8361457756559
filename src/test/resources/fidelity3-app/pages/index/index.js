// The page fades a box out in two groups and logs what export() gives the template
Page({
  data: { fade: null },
  onLoad() {
    const a = wx.createAnimation({ duration: 300, timingFunction: 'ease' });
    a.opacity(0.5).width(100).step();
    a.translateX(20).step({ duration: 100 });
    const out = a.export();
    console.log(JSON.stringify(out));
    console.log('emptied', a.export().actions.length);
    this.setData({ fade: out });
  },
});
