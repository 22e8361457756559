// Alipay spells the timing option timeFunction (my.createAnimation's docs)
Page({
  data: { fade: null },
  onLoad() {
    const a = my.createAnimation({ duration: 500, timeFunction: 'ease-in-out', transformOrigin: 'left top' });
    a.rotate(45).scale(2).step();
    const out = a.export();
    console.log(JSON.stringify(out));
    this.setData({ fade: out });
  },
});
