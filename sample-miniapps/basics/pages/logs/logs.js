Page({
  data: { lines: [] },
  onShow() {
    const app = getApp();
    this.setData({ lines: ['launched at ' + app.globalData.launchedAt, 'visits ' + app.globalData.visits] });
  },
  backHome() {
    wx.switchTab({ url: '/pages/index/index' });
  },
});
