Page({
  onLoad(query) {
    console.log('arrived at subpackages/mine/settings');
  },
});
