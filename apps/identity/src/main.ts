import 'reflect-metadata';
import { main } from '@helpgate/platform';
import { identityService } from './identity.definition';

main(identityService(process.env));
