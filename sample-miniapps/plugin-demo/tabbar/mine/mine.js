Page({
  onLoad(query) {
    console.log('arrived at tabbar/mine/mine');
  },
});
