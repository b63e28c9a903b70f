import 'reflect-metadata';
import { main } from '@helpgate/platform';
import { identityServiceDefinition } from './identity.definition';

main(identityServiceDefinition(process.env));
