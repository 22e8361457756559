App({
  globalData: { authCode: null, userId: null },
  onLaunch() {
    // silent scope: no prompt, the wallet answers at once
    my.getAuthCode({
      scopes: 'auth_base',
      success: (res) => {
        this.globalData.authCode = res.authCode;
        console.log('silent auth_base granted:', res.authSuccessScopes.join(','));
      },
      fail: (err) => console.error('silent getAuthCode failed', err.error),
    });
  },
});
