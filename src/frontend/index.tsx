import React from 'react';
import ForgeReconciler, { Text } from '@forge/react';

const App = () => <Text>Issue Doctor</Text>;

ForgeReconciler.render(
  <React.StrictMode>
    <App />
  </React.StrictMode>
);
