// A setData in created that adds a knob, a property observer that counts the knobs its new value renders, an attached hook that queues a
// promise job, and a method that adds a knob with setData and counts the knobs right after.
Component({
  properties: {
    items: {
      type: Array,
      value: [],
      observer(list) { console.log('rack items ' + list.length + ', ' + this.selectAllComponents('.knob').length + ' knobs'); },
    },
  },
  data: { extra: [] },
  lifetimes: {
    created() {
      this.setData({ extra: ['c'] });
      console.log('rack created sees ' + this.selectAllComponents('.knob').length + ' knobs');
    },
    attached() {
      console.log('rack attached');
      Promise.resolve().then(() => console.log('rack job'));
    },
  },
  methods: {
    grow() {
      this.setData({ extra: ['n'] });
      console.log('after setData ' + this.selectAllComponents('.knob').length + ' knobs');
    },
  },
});
