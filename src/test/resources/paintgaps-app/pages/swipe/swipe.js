Page({
  data: {top: 0, into: '', rows: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19], more: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]},
  onSwiperChange(e) { console.log('swiper change ' + e.detail.current + ' ' + e.detail.source); },
  onScroll(e) { console.log('scroll ' + Math.round(e.detail.scrollTop)); },
  onLower() { console.log('scroll-view lower'); },
  onUpper() { console.log('scroll-view upper'); },
  toRow12() { this.setData({into: 'row12'}); },
  toTop() { this.setData({top: 0, into: ''}); },
  onPageScroll(e) { console.log('page scroll ' + Math.round(e.scrollTop)); },
  onReachBottom() { console.log('page bottom'); }
});
