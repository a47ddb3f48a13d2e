export * from './phone';
export * from './plate';
export * from './vin';
export * from './resident-id';
export * from './credit-code';
export * from './zod';
