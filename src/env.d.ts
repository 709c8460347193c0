// Lets plain TypeScript import .astro files: the component tests render them with Astro's
// container API (test/lib-components.test.ts). Astro itself compiles them; tsc only needs the type.
declare module '*.astro' {
  const component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default component;
}
