Component({
  properties: {
    text: String,
    formatter: { type: null, observer: 'show' },
  },
  data: { shown: '' },
  attached() { this.show(); },
  methods: {
    show() {
      const f = this.data.formatter;
      this.setData({ shown: typeof f === 'function' ? f(this.data.text) : 'not a function: ' + f });
    },
  },
});
