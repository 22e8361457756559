// CommonJS module, imported from ES modules and required from pages
let count = 0;

module.exports = {
  next() {
    count += 1;
    return count;
  },
  get value() {
    return count;
  },
};
