import 'reflect-metadata';
import { main } from '@helpgate/platform';
import { identityService } from './identity.service';

main(identityService(process.env));
