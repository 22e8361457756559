// A plain page-to-page EventChannel exchange: the opener's `events` hear this page, and this
// page hears the opener through getOpenerEventChannel().
Page({
  data: { heard: [] },
  onLoad(query) {
    const channel = this.getOpenerEventChannel();
    channel.on('greeting', (text) => {
      this.setData({ heard: this.data.heard.concat(text) });
      channel.emit('reply', 'got ' + text);
    });
    channel.emit('ready', query.topic);
  },
  leave() {
    wx.navigateBack();
  },
});
