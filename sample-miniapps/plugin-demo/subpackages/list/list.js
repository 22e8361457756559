Page({
  onLoad(query) {
    console.log('arrived at subpackages/list/list');
  },
});
