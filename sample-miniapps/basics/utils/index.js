// re-exports across both module systems
export * from './format';
export { default as counter } from './counter.js';
