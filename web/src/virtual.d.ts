declare module 'virtual:tour-queries' {
  const tour: ReadonlyArray<{ readonly title: string; readonly query: string }>;
  export default tour;
}
