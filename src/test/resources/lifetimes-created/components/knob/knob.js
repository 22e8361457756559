// Says when it is attached, and queues a promise job there.
Component({
  properties: { label: { type: String, value: '' } },
  lifetimes: {
    attached() {
      console.log('knob attached ' + this.data.label);
      Promise.resolve().then(() => console.log('knob job ' + this.data.label));
    },
  },
});
