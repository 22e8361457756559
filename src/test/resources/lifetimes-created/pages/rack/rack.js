// Gives the rack its items and asks it to grow.
Page({
  data: { list: ['a', 'b'] },
  onLoad() { console.log('page onLoad'); },
  grow() { this.selectComponent('#r').grow(); },
});
