import fmt, { currency } from '../../utils/format';
import * as utils from '/utils/index';
const counter = require('../../utils/counter');

Page({
  data: {
    title: '首页',
    price: '',
    seconds: 0,
    items: [{ name: 'a', done: false }, { name: '买牛奶', done: false }],
  },

  onLoad(query) {
    console.log('index onLoad', query);
    this.setData({ price: currency(1999), 'items[0].done': true });
  },

  onShow() {
    counter.next();
  },

  onReady() {
    console.log('index ready, visits', getApp().globalData.visits, 'pages', getCurrentPages().length);
  },

  openDetail() {
    wx.navigateTo({
      url: '../detail/detail?id=42&from=index',
      success: (res) => console.log('navigateTo', res.errMsg),
    });
  },

  async openMissing() {
    try {
      await wx.navigateTo({ url: '/pages/nowhere/nowhere' });
    } catch (err) {
      console.log('navigateTo failed as expected:', err.errMsg);
    }
  },

  startCountdown() {
    this.setData({ seconds: 3 });
    const timer = setInterval(() => {
      const left = this.data.seconds - 1;
      this.setData({ seconds: left });
      if (left === 0) {
        clearInterval(timer);
        console.log('countdown done at', utils.formatTime(new Date(Date.now())).length, 'chars', fmt.currency(0));
      }
    }, 1000);
  },

  // the todo-item component's own event, with its detail
  onToggle(e) {
    const i = this.data.items.findIndex((it) => it.name === e.detail.name);
    this.setData({ ['items[' + i + '].done']: e.detail.done });
  },

  showLogs() {
    wx.switchTab({ url: '/pages/logs/logs' });
  },
});
