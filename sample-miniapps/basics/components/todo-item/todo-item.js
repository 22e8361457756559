// A custom component: typed properties with an observer, its own data, and an event to its page.
Component({
  properties: {
    name: { type: String, value: '' },
    done: {
      type: Boolean,
      value: false,
      observer(now, before) {
        this.setData({ changes: this.data.changes + 1 });
      },
    },
  },
  data: { changes: 0 },
  lifetimes: {
    attached() {
      console.log('todo-item attached', this.data.name);
    },
  },
  methods: {
    toggle() {
      this.triggerEvent('toggle', { name: this.data.name, done: !this.data.done });
    },
  },
});
