// Reaches its child dial (which has a wheel of its own) and the wheels of a wx:for from created
// and from a data observer of its property.
Component({
  properties: { start: { type: Number, value: 0 } },
  data: { note: '', rows: [1, 2, 3] },
  observers: {
    start(v) {
      const dial = this.selectComponent('.inner-dial');
      console.log('panel start ' + v + ' ' + (dial ? 'sees dial' : 'no dial'));
    },
  },
  lifetimes: {
    created() {
      const dial = this.selectComponent('.inner-dial');
      const looped = this.selectAllComponents('.looped');
      console.log('panel created: ' + dial.describe() + ', ' + looped.length + ' looped');
      looped.forEach((w, i) => w.setValues(['loop' + i]));
      this.setData({ note: 'set in created' });
    },
    attached() { console.log('panel attached'); },
    ready() { console.log('panel ready'); },
  },
});
