// A page built with Component(), as WeChat allows: page hooks live in `methods`
const counter = require('../../utils/counter.js');

Component({
  properties: {
    id: String,
  },
  data: {
    opened: 0,
  },
  lifetimes: {
    attached() {
      console.log('detail attached');
    },
  },
  pageLifetimes: {
    show() {
      console.log('detail shown');
    },
  },
  methods: {
    onLoad(query) {
      this.setData({ opened: counter.next(), from: query.from });
    },
    goBack() {
      wx.navigateBack();
    },
    openAgain() {
      wx.redirectTo({ url: '/pages/detail/detail?id=43&from=detail' });
    },
  },
});
