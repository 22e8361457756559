import { formatTime } from './utils/index';

App({
  globalData: {
    launchedAt: null,
    visits: 0,
  },
  onLaunch(options) {
    this.globalData.launchedAt = formatTime(new Date(0));
    console.log('app launched on', options.path, 'scene', options.scene);
  },
  onShow() {
    this.globalData.visits += 1;
  },
  onError(message) {
    console.warn('App.onError got:', message.split('\n')[0]);
  },
});
