// Asks in onShow, a common mistake: closing the authorization page shows this page again, which
// asks again. The real client loops; MiniSim shows the loop and stops it.
Page({
  data: { nickName: '' },
  onShow() {
    my.getAuthCode({
      scopes: 'auth_user',
      success: () => my.getAuthUserInfo({ success: (u) => this.setData({ nickName: u.nickName }) }),
      fail: (err) => console.log('profile: not authorized', err.error),
    });
  },
});
