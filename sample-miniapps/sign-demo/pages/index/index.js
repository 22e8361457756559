// seed 000 / 001, my.signContract: the whole flow of the diagram.
// 1. ask the merchant server's consult API for the sign string (an authorization URL)
// 2. my.signContract opens the authorization page; the user signs or leaves
// 3. send the JSAPI result to the merchant server, which applies for the access token
import { SERVER } from '../../config';

Page({
  data: {
    outcome: '',
    detail: '',
  },

  async onSign() {
    this.setData({ outcome: 'consulting' });
    let signStr;
    try {
      const consult = await my.request({ url: SERVER + '/consult', method: 'POST', data: { productCode: 'AGREEMENT_PAY' } });
      signStr = consult.data.signStr;
    } catch (err) {
      this.setData({ outcome: 'consult failed', detail: String(err.error) });
      my.alert({ title: '签约失败', content: '无法获取签约信息，请稍后重试' });
      return;
    }
    my.signContract({
      signStr,
      success: (res) => this.applyToken(res),
      fail: (res) => {
        // 7001: the result is unknown and the sign may have succeeded: ask the server, do not retry
        const outcome = res.error === '7001' ? 'unknown, checking with server' : 'failed ' + res.error;
        this.setData({ outcome, detail: res.errMessage });
        my.alert({ content: JSON.stringify(res) });
      },
    });
  },

  applyToken(res) {
    my.request({
      url: SERVER + '/token',
      method: 'POST',
      data: { authCode: res.authCode, authState: res.authState },
      success: (token) => {
        this.setData({ outcome: 'signed', detail: token.data.agreementId });
        my.showToast({ type: 'success', content: '签约成功' });
      },
      fail: (err) => this.setData({ outcome: 'token failed', detail: String(err.error) }),
    });
  },
});
