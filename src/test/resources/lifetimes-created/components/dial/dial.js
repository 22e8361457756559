// Reaches its own child component from created and from its first property observer, then calls
// a method on it: the child must exist by then.
Component({
  properties: {
    label: { type: String, value: '' },
    value: { type: Number, value: 0, observer: 'valueChanged' },
  },
  lifetimes: {
    created() {
      const wheel = this.selectComponent('.own-wheel');
      console.log('dial created [' + this.data.label + '] ' + (wheel ? 'sees wheel' : 'no wheel'));
      wheel.setValues(['c']);
    },
    attached() { console.log('dial attached [' + this.data.label + ']'); },
    ready() { console.log('dial ready [' + this.data.label + ']'); },
  },
  methods: {
    valueChanged(v) {
      const wheel = this.selectComponent('.own-wheel');
      console.log('dial value ' + v + ' [' + this.data.label + '] ' + (wheel ? 'sees wheel' : 'no wheel'));
      wheel.setValues(['v' + v]);
    },
    describe() { return 'dial with ' + this.selectAllComponents('.own-wheel').length + ' wheel'; },
  },
});
