// Jest globalSetup: tests that run the CLI as a process run the prebuilt bundle, so build it from the
// current sources first (esbuild, well under a second).
module.exports = async () => {
  await require('../../cli/build.js')();
};
