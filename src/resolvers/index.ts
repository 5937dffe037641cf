import Resolver from '@forge/resolver';

const resolver = new Resolver();

resolver.define('ping', () => ({ ok: true }));

export const handler = resolver.getDefinitions();
