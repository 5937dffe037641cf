export { handler } from './resolvers';
export { adfExport } from './resolvers/adf-export';
