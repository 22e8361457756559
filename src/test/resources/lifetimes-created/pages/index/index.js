// The page itself only places the components: what this fixture checks happens inside them.
Page({
  onLoad() { console.log('page onLoad'); },
  onReady() { console.log('page onReady'); },
});
