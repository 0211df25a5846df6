import { getArticle } from './article/get';
import { getManyArticles } from './article/getAll';
import { getCustomer } from './customer/get';
import { searchCustomersByEmail } from './customer/searchByEmail';
import { countOrders } from './order/count';
import { getOrder } from './order/get';
import { getManyOrders } from './order/getAll';
import { updateOrder } from './order/update';
import { getManyOrderStatuses } from './orderStatus/getAll';
import { getManyPaymentMethods } from './paymentMethod/getAll';
import { getStore } from './store/get';
import { getManyTaxRegions } from './taxRegion/getAll';
import type { Operation } from './types';

export const operations: Record<string, Record<string, Operation>> = {
	article: { get: getArticle, getAll: getManyArticles },
	customer: { get: getCustomer, searchByEmail: searchCustomersByEmail },
	order: { count: countOrders, get: getOrder, getAll: getManyOrders, update: updateOrder },
	orderStatus: { getAll: getManyOrderStatuses },
	paymentMethod: { getAll: getManyPaymentMethods },
	store: { get: getStore },
	taxRegion: { getAll: getManyTaxRegions },
};
