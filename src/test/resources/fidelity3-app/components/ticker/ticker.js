// A scrolling ticker in the way UI libraries write one: it keeps its Animation in data and
// later resets the instance's own option.transition.duration before the next group
Component({
  properties: { text: String },
  data: { animation: null, animationData: null },
  attached() {
    const animation = wx.createAnimation({ duration: 2000, timingFunction: 'linear' });
    this.setData({ animation }, () => this.start());
  },
  methods: {
    start() {
      const animation = this.data.animation;
      animation.option.transition.duration = 0;
      const reset = animation.translateX(300).step().export();
      animation.option.transition.duration = 2000;
      const run = animation.translateX(-100).step().export();
      console.log('ticker', reset.actions[0].option.transition.duration, run.actions[0].option.transition.duration,
        run.actions[0].animates[0].type, run.actions[0].animates[0].args[0]);
      this.setData({ animationData: run });
    },
  },
});
