Page({
  onLoad(query) {
    console.log('arrived at pages/fail');
  },
});
