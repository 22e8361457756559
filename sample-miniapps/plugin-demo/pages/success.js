Page({
  onLoad(query) {
    console.log('arrived at pages/success');
  },
});
