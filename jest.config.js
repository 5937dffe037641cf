/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }]
  },
  // Atlaskit components import their compiled CSS; Node has no use for it.
  moduleNameMapper: { '\\.css$': '<rootDir>/test/helpers/style-stub.js' },
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  testTimeout: 20000
};
