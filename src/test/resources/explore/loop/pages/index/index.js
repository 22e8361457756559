// asks from onShow, which the prompt's own close triggers: the real client loops here
Page({
  data: { outcome: 'idle' },
  onShow() {
    my.getAuthCode({
      scopes: 'auth_user',
      success: () => this.setData({ outcome: 'granted' }),
      fail: (e) => this.setData({ outcome: 'failed ' + e.error }),
    });
  },
});
