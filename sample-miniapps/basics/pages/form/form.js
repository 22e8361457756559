// A form as users fill it in: typing (model:value), a picker, a switch inside a label, a radio
// group, submit and reset buttons; the submitted values come from the form itself.
Page({
  data: {
    name: '',
    cities: ['杭州', '上海', '北京'],
    cityIndex: 0,
    invoice: false,
    payments: [{ value: 'alipay', label: '支付宝' }, { value: 'wechat', label: '微信支付' }],
    pay: 'alipay',
    submitted: null,
    hint: '',
  },

  onName(e) {
    this.setData({ hint: e.detail.value.length > 8 ? '名字有点长' : '' });
  },

  onCity(e) {
    this.setData({ cityIndex: Number(e.detail.value) });
  },

  onPay(e) {
    this.setData({ pay: e.detail.value });
  },

  onSubmit(e) {
    const v = e.detail.value;
    console.log('submit', JSON.stringify(v));
    this.setData({ submitted: { name: v.name, city: this.data.cities[v.city], pay: v.pay } });
  },

  onReset() {
    this.setData({ name: '', submitted: null });
  },
});
