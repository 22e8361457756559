// Asking the wallet user for scopes: callback style, Promise style, partial grants and errors.
const app = getApp();

Page({
  data: {
    status: '未授权',
    granted: [],
    refused: {},
    error: null,
  },

  // callback style, several scopes in one prompt
  onAuthorize() {
    my.getAuthCode({
      scopes: ['auth_user', 'USER_NAME', 'USER_AVATAR'],
      success: (res) => {
        const refused = Object.keys(res.authErrorScopes || {});
        this.setData({
          status: refused.length ? '部分授权' : '已授权',
          granted: res.authSuccessScopes,
          refused: res.authErrorScopes,
        });
        // the merchant server would exchange this authCode for an access token
        console.log('authCode', res.authCode.length, 'chars; granted', res.authSuccessScopes.join(','));
      },
      fail: (err) => {
        this.setData({ status: '授权失败', error: err.error, refused: err.authErrorScopes || {} });
        console.log('getAuthCode failed', err.error, err.errorMessage);
      },
      complete: () => console.log('getAuthCode complete'),
    });
  },

  // async/await style: my.* always returns a Promise
  async onAuthorizeAsync() {
    try {
      const res = await my.getAuthCode({ scopes: ['auth_user'] });
      const info = await my.getAuthUserInfo();
      this.setData({ status: '你好，' + info.nickName });
      console.log('user', info.nickName, info.avatar);
    } catch (err) {
      this.setData({ status: '授权失败', error: err.error });
      console.log('async flow failed', err.error, err.errorMessage);
    }
  },

  // the seed 004 wallet's KYC scopes (run with --profile kyc)
  onKyc() {
    my.getAuthCode({
      scopes: ['USER_LOGIN_ID', 'KYC_INFO'],
      success: (res) => console.log('kyc granted', res.authSuccessScopes.join(','), 'refused', JSON.stringify(res.authErrorScopes)),
      fail: (err) => console.log('kyc failed', err.error, err.errorMessage, JSON.stringify(err.authErrorScopes)),
    });
  },

  onProfile() {
    my.navigateTo({ url: '/pages/profile/profile' });
  },
});
