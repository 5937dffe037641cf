import React from 'react';
import ForgeReconciler from '@forge/react';
import { App } from './App';
import { Config } from './Config';

// No StrictMode: its double-run of effects in development would invoke the resolver twice per render.
ForgeReconciler.render(<App />);
ForgeReconciler.addConfig(<Config />);
