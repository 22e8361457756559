// getAuthCode for two prompted scopes, then, after a grant, signContract: 21 outcomes in all
Page({
  data: { outcome: 'idle' },
  onStart() {
    my.getAuthCode({
      scopes: ['auth_user', 'USER_NAME'],
      success: (auth) => {
        my.signContract({
          signStr: 'https://openauth.example/authentication.htm?authId=FBF16F91-28FB-47EC-B9BE-27B285C23CD3',
          success: () => this.setData({ outcome: 'signed as ' + auth.authSuccessScopes.join('+') }),
          fail: (e) => this.setData({ outcome: auth.authSuccessScopes.join('+') + ' sign failed ' + e.error + ' (' + e.errMessage.length + ')' }),
        });
      },
      fail: (e) => this.setData({ outcome: 'auth failed ' + e.error }),
    });
  },
});
