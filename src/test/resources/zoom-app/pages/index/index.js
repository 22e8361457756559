Page({
  data: { said: '' },
  onScale(e) {
    console.log('scale ' + e.detail.x + ',' + e.detail.y + ' ' + e.detail.scale);
    this.setData({ said: '倍数 ' + e.detail.scale });
  }
});
