/**
 * The plug-ins of the scale generator, in the order they run for each store. To add documents of a new module:
 * write `plugins/<module>.ts` exporting a ScalePlugin and add it to this list (after the plug-ins it reads from).
 */
import type { ScalePlugin } from '../plugin.js';
import { customersPlugin } from './customers.js';

export const scalePlugins: readonly ScalePlugin[] = [customersPlugin];
