/** The zod schema of an account field: an SS58 address with prefix 42, checked (checksum included). */
import { z } from 'zod';
import { decodeSs58 } from './ss58.ts';

/**
 * An SS58 address with prefix 42.
 * @example z.object({ dest: ss58AddressSchema }).parse({ dest: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY' })
 */
export const ss58AddressSchema = z.string().refine(
  (text) => {
    try {
      decodeSs58(text);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected an SS58 address with prefix 42' },
);
