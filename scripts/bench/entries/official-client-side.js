// The official SDK's client side, exposed on window so the benchmark page can load it with a script tag.
import { VoucherifyClientSide } from '@voucherify/sdk';

window.VoucherifyClientSide = VoucherifyClientSide;
