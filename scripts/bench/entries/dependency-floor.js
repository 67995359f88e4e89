// The three runtime dependencies alone: no SDK can be smaller than this once it uses all of them.
import ky from 'ky';
import Cookies from 'js-cookie';
import { sha256 } from 'js-sha256';

export const floor = { ky, Cookies, sha256 };
