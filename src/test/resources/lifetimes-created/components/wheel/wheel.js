// A leaf component with a method that sets what it shows (its owner calls it).
Component({
  data: { shown: 'none' },
  lifetimes: {
    created() { console.log('wheel created'); },
  },
  methods: {
    setValues(list) { this.setData({ shown: list.join(',') }); },
  },
});
