// The one runtime dependency alone: no SDK can be smaller than this once it uses it.
import Cookies from 'js-cookie';

export const floor = { Cookies };
